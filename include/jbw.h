/*
 * libjbw - caseloads, waiting lists, waiting-risk triage and staffing
 * forecasts for Dutch youth protection (jeugdbescherming) and youth
 * probation (jeugdreclassering).
 *
 * This umbrella header only includes the module headers.
 */
#ifndef JBW_H
#define JBW_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/registry.h"
#include "jbw/measure.h"
#include "jbw/snapshot.h"
#include "jbw/io.h"
#include "jbw/norm.h"
#include "jbw/caseload.h"
#include "jbw/series.h"
#include "jbw/waitrisk.h"
#include "jbw/forecast.h"
#include "jbw/calibrate.h"
#include "jbw/staffing.h"
#include "jbw/report.h"
#include "jbw/example.h"
#include "jbw/brief.h"

#endif /* JBW_H */
