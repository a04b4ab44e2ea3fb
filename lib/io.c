/* libjbw - io module (being written). */
#include "jbw_internal.h"
