/* files.c - folders and files on disk; see files.h.  Trees are walked by
 * descriptor (openat, fstatat without following links), so a link planted
 * in a tree never leads outside it. */
#include "base/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"

int fs_make_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int err = errno;
            free(p);
            return err;
        }
        *s = '/';
    }
    int err = mkdir(p, 0777) != 0 && errno != EEXIST ? errno : 0;
    free(p);
    if (!err) {
        struct stat st;
        if (stat(path, &st) != 0)
            err = errno;
        else if (!S_ISDIR(st.st_mode))
            err = ENOTDIR;
    }
    return err;
}

void fs_remove_at(int dfd, const char *name)
{
    struct stat st;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlinkat(dfd, name, 0);
        return;
    }
    for (int pass = 0; pass < 2; pass++) {
        int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
        if (!d) {
            if (fd >= 0)
                close(fd);
            /* One we may not read may still be empty (what an overlay
             * leaves of its work folder is, mode 000). */
            unlinkat(dfd, name, AT_REMOVEDIR);
            break;
        }
        struct dirent *e;
        while ((e = readdir(d)))
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                fs_remove_at(dirfd(d), e->d_name);
        closedir(d);
        if (unlinkat(dfd, name, AT_REMOVEDIR) == 0 || errno != ENOTEMPTY)
            return;
    }
}

void fs_remove_tree(const char *path)
{
    fs_remove_at(AT_FDCWD, path);
}

/* Flushes a file, or every file of a folder tree and the folders, to the
 * disk.  Returns 0 or an errno: a full or failing disk reported only now
 * (delayed allocation, network filesystems) is caught before the output
 * replaces anything. */
/* One pass over a tree: with `wait` 0, start the writeback of every file;
 * with 1, wait for each (fdatasync) and flush the folders.  Starting them
 * all first lets the disk take them in one go: a folder of 22 charts is
 * flushed in about half the time of one fsync after another. */
static int sync_pass(int dfd, const char *name, int wait)
{
    struct stat ln;
    if (fstatat(dfd, name, &ln, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(ln.st_mode))
        return 0; /* not flushed, and never moved into place */
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno;
    struct stat st;
    int err = fstat(fd, &st) != 0 ? errno : 0;
    if (!err && S_ISDIR(st.st_mode)) {
        int fd2 = dup(fd);
        DIR *d = fd2 >= 0 ? fdopendir(fd2) : NULL;
        if (!d) {
            err = errno;
            if (fd2 >= 0)
                close(fd2);
        }
        struct dirent *e;
        while (!err && d && (e = readdir(d)))
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                err = sync_pass(fd, e->d_name, wait);
        if (d)
            closedir(d);
        if (!err && wait && fsync(fd) != 0 && errno != EINVAL)
            err = errno;
    } else if (!err && !wait) {
        sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE); /* a hint: errors show in the wait */
    } else if (!err && fdatasync(fd) != 0 && errno != EINVAL) {
        err = errno;
    }
    close(fd);
    return err;
}

int fs_sync_at(int dfd, const char *name)
{
    int err = sync_pass(dfd, name, 0);
    return err ? err : sync_pass(dfd, name, 1);
}


char *fs_program_dir(void)
{
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0)
        return NULL;
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return xstrdup(exe);
}
