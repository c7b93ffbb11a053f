/* readiness.h compiles alone as C99 with -pedantic. */
#include "readiness/readiness.h"

int rdy_header_check(void);
int rdy_header_check(void) {
  return RDY_OK + RDY_ERR_READ_ONLY;
}
