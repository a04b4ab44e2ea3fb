/* libjbw - snapshot module (being written). */
#include "jbw_internal.h"
