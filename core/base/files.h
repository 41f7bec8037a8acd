/* files.h - what the program does with folders and files on disk: make a
 * folder path, remove a tree without following links, flush a tree to the
 * disk. */
#ifndef MKP_BASE_FILES_H
#define MKP_BASE_FILES_H

/* mkdir -p; returns 0 or an errno (ENOTDIR when a part is a file). */
int fs_make_dirs(const char *path);
/* The folder the running program's file is in ("/usr/bin"), malloc'd;
 * NULL when the system will not say. */
char *fs_program_dir(void);
/* Removes a file or a folder tree; folders are entered by descriptor and
 * symbolic links removed, never followed. */
void fs_remove_tree(const char *path);
/* Removes `name` under the open folder `dfd` the same way. */
void fs_remove_at(int dfd, const char *name);
/* Flushes a file, or every file of a folder tree and the folders, to the
 * disk (fsync); symbolic links are skipped.  Returns 0 or an errno. */
int fs_sync_at(int dfd, const char *name);
#endif
