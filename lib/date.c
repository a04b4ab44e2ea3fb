/* libjbw - date module (being written). */
#include "jbw_internal.h"
