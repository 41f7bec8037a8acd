/* i18n.c - the report's own words in English and Chinese (any other
 * language gets the English labels and the dataset's own texts), and the
 * way money, percentages and dates are written in each. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pdf.h"

static const char *const labels[L_N][2] = {
    [L_CONTENTS] = {"Contents", "目录"},
    [L_LIST_FIGURES] = {"List of Figures", "图目录"},
    [L_LIST_TABLES] = {"List of Tables", "表目录"},
    [L_FIGURE] = {"Figure %d", "图%d"},
    [L_TABLE] = {"Table %d", "表%d"},
    [L_TABLE_CONT] = {"Table %d (continued)", "表%d（续）"},
    [L_PAGE_OF] = {"Page %zu of %zu", "第%zu页，共%zu页"},
    [L_EXEC] = {"Executive Summary", "执行摘要"},
    [L_MARKET] = {"Market Size and Forecast", "市场规模与预测"},
    [L_DIM_CHAPTER] = {"Market by %s", "按%s划分的市场"},
    [L_SCENARIOS] = {"Scenario Analysis", "情景分析"},
    [L_LANDSCAPE] = {"Competitive Landscape", "竞争格局"},
    [L_METHOD] = {"Research Methodology", "研究方法"},
    [L_PROVENANCE] = {"Provenance of Figures and Tables", "图表数据来源"},
    [L_CAGR_METHOD] = {"Forecast Method and Growth Rates", "预测方法与增长率"},
    [L_BASE_YEAR] = {"Base year", "基准年"},
    [L_EST_YEAR] = {"Estimated year", "估计年"},
    [L_FC_YEAR] = {"Forecast year", "预测年"},
    [L_CAGR] = {"CAGR", "年复合增长率"},
    [L_INDICATOR] = {"Indicator", "指标"},
    [L_YEAR] = {"Year", "年份"},
    [L_VALUE] = {"Value", "数值"},
    [L_SEGMENT] = {"Segment", "细分市场"},
    [L_TOTAL] = {"Total market", "市场合计"},
    [L_SHARE] = {"Share %d", "%d年份额"},
    [L_CAGR_RANGE] = {"CAGR %d\xE2\x80\x93%d", "年复合增长率 %d\xE2\x80\x93%d"},
    [L_SCENARIO] = {"Scenario", "情景"},
    [L_PUBLISHED] = {"published", "已公布数据"},
    [L_DERIVED] = {"derived", "推算数据"},
    [L_ILLUSTRATIVE] = {"illustrative", "示意性估算"},
    [L_REPORT_KIND] = {"Market Research Report", "市场研究报告"},
    [L_PRODUCT] = {"Product code", "产品编号"},
    [L_EDITION] = {"Edition", "版本日期"},
    [L_PUBLISHED_BY] = {"Published by", "出版方"},
    [L_UNITS] = {"Values in %s.", "单位：%s。"},
    [L_SHARE_NOTE] = {"Shares of segments are of the total market; shares of indented sub-segments are of their "
                      "segment. Rounded shares add up to 100%.",
                      "一级细分市场的份额以市场总量为基数；缩进的二级细分市场的份额以其所属细分市场为基数。"
                      "四舍五入后的份额合计为100%。"},
    [L_SEGMENT_TABLE] = {"Market Size by Segment", "各细分市场规模"},
    [L_CHARTS] = {"Charts", "图表"},
    [L_CHART_MISSING] = {"(chart engine unavailable in this build)", "（此版本不含图表引擎）"},
    [L_PRESENTED] = {"The figures in this report follow the scenario: %s.", "本报告中的数据均基于以下情景：%s。"},
};

const char *lb(const pdf_doc *d, int label)
{
    return labels[label][d->zh ? 1 : 0];
}

static const char *currency_zh(const char *iso)
{
    static const char *const map[][2] = {{"USD", "美元"}, {"EUR", "欧元"},   {"JPY", "日元"}, {"CNY", "元人民币"},
                                         {"GBP", "英镑"}, {"CHF", "瑞士法郎"}, {"KRW", "韩元"}, {"INR", "印度卢比"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], iso) == 0)
            return map[i][1];
    return NULL;
}

static const char *unit_zh(const char *unit)
{
    return strcmp(unit, "million") == 0    ? "百万"
           : strcmp(unit, "billion") == 0  ? "十亿"
           : strcmp(unit, "trillion") == 0 ? "万亿"
           : strcmp(unit, "thousand") == 0 ? "千"
                                           : unit;
}

/* "USD billion", or in Chinese "十亿美元": the unit of every table value. */
const char *lb_unit(pdf_doc *d)
{
    const mkp_model *m = d->m;
    const char *cur = d->zh ? currency_zh(m->currency) : NULL;
    if (cur)
        return ar_printf(d, "%s%s", unit_zh(m->unit), cur);
    return ar_printf(d, "%s %s", m->currency, m->unit);
}

void lb_value(const pdf_doc *d, char *buf, size_t cap, double v)
{
    d->host->format_number(buf, cap, v, d->decimals, 1);
}

void lb_pct(const pdf_doc *d, char *buf, size_t cap, double fraction)
{
    d->host->format_percent(buf, cap, fraction, 2);
}

/* The same, as a string that lives as long as the document. */
const char *lb_percent(pdf_doc *d, double fraction)
{
    char b[32];
    lb_pct(d, b, sizeof b, fraction);
    return ar_strdup(d, b);
}

/* An amount in running text.  English: "USD 28.46 billion".  Chinese counts
 * in 亿 (10^8) and 万亿 (10^12) as Chinese readers do: "284.6亿美元"; the
 * digits shown keep the precision of the English figure. */
void lb_money(pdf_doc *d, char *buf, size_t cap, double v)
{
    const mkp_model *m = d->m;
    char num[64];
    const char *cur = d->zh ? currency_zh(m->currency) : NULL;
    if (!cur) {
        lb_value(d, num, sizeof num, v);
        snprintf(buf, cap, "%s %s %s", m->currency, num, m->unit);
        return;
    }
    double scale = strcmp(m->unit, "trillion") == 0 ? 1e12 : strcmp(m->unit, "billion") == 0 ? 1e9
                   : strcmp(m->unit, "million") == 0 ? 1e6 : strcmp(m->unit, "thousand") == 0 ? 1e3 : 1;
    double abs = fabs(v) * scale;
    const char *word = abs >= 1e12 ? "万亿" : abs >= 1e8 ? "亿" : abs >= 1e4 ? "万" : "";
    double per = abs >= 1e12 ? 1e12 : abs >= 1e8 ? 1e8 : abs >= 1e4 ? 1e4 : 1;
    /* decimals of the unit figure, shifted by the change of magnitude */
    int dec = d->decimals + (int)lround(log10(per / scale));
    dec = dec < 0 ? 0 : dec > 4 ? 4 : dec;
    d->host->format_number(num, sizeof num, v * scale / per, dec, 0);
    snprintf(buf, cap, "%s%s%s", num, word, cur);
}

/* The edition date: "15 January 2026" or "2026年1月15日". */
const char *lb_date(pdf_doc *d)
{
    static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    int y = 0, mo = 0, dd = 0;
    const char *e = d->m->edition;
    if (!e || sscanf(e, "%d-%d-%d", &y, &mo, &dd) != 3) {
        if (d->m->edition_epoch <= 0)
            return ""; /* no edition: print none rather than 1 January 1970 */
        time_t t = (time_t)d->m->edition_epoch;
        struct tm tm;
        if (!gmtime_r(&t, &tm))
            return "";
        y = tm.tm_year + 1900;
        mo = tm.tm_mon + 1;
        dd = tm.tm_mday;
    }
    if (mo < 1 || mo > 12)
        return e ? e : "";
    if (d->zh)
        return ar_printf(d, "%d年%d月%d日", y, mo, dd);
    return ar_printf(d, "%d %s %d", dd, months[mo - 1], y);
}

const char *lb_provenance(const pdf_doc *d, mkp_provenance p)
{
    return lb(d, p == MKP_PUBLISHED ? L_PUBLISHED : p == MKP_DERIVED ? L_DERIVED : L_ILLUSTRATIVE);
}

/* "Table 3" and "Table 3: title" ("表3：title"). */
const char *lb_numbered(pdf_doc *d, int label, int number)
{
    return ar_printf(d, lb(d, label), number);
}

const char *lb_caption(pdf_doc *d, int label, int number, const char *title)
{
    return ar_printf(d, "%s%s%s", lb_numbered(d, label, number), d->zh ? "\xEF\xBC\x9A" : ": ", title);
}
