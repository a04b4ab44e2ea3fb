/* libjbw - waitrisk module (being written). */
#include "jbw_internal.h"
