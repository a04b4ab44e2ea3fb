/*
 * libjbw - jbw_forecast_svg: the forecast chart of jbw/brief.h
 * (jbw_chart_forecast_svg, lib/out/chart_forecast.c) in English, with the
 * caller's title and the forecast's own data notice, so that the two
 * forecast charts of the interface look alike.
 */
#include "jbw/brief.h"
#include "jbw/forecast.h"

#include "base/base_internal.h"

jbw_status jbw_forecast_svg(char **out, size_t *len, const jbw_forecast *fc,
                            const char *title)
{
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_svg: NULL argument");
    o.lang = JBW_LANG_EN;
    o.title = title;
    o.notice = jbw_forecast_data_notice(fc);
    return jbw_chart_forecast_svg(out, len, fc, &o);
}
