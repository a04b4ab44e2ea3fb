/* libjbw - measure module (being written). */
#include "jbw_internal.h"
