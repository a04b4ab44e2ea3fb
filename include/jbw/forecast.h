/*
 * libjbw - forecast and staffing (being written).
 */
#ifndef JBW_FORECAST_H
#define JBW_FORECAST_H

#include "jbw/common.h"

#endif /* JBW_FORECAST_H */
