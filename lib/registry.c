/* libjbw - registry module (being written). */
#include "jbw_internal.h"
