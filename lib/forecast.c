/* libjbw - forecast module (being written). */
#include "jbw_internal.h"
