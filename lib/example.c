/* libjbw - example module (being written). */
#include "jbw_internal.h"
