/* libjbw - caseload module (being written). */
#include "jbw_internal.h"
