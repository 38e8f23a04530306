#ifndef RK_CELLS_H
#define RK_CELLS_H
#endif
