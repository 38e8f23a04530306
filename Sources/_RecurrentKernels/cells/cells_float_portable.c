// Float cell passes, portable path (whatever the baseline target vectorises to).
#include "rk_cells.h"
#include "../rk_vecmath.h"
#define P s_portable
#include "cells_float.inc"
