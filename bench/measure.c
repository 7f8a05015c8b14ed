/* measure: runs a command and prints its wall time, CPU time and peak memory.
 *   measure OUT_FILE CMD [ARGS...]   (the command's stdout goes to OUT_FILE)
 * Prints: wall_s=<s> cpu_s=<s> maxrss_mb=<MB> exit=<code> */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: measure OUT_FILE CMD [ARGS...]\n");
    return 2;
  }
  double t0 = S_now();
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, 1) < 0) _exit(127);
    execvp(argv[2], argv + 2);
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) return 2;
  double wall = S_now() - t0;
  double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
  printf("wall_s=%.3f cpu_s=%.3f maxrss_mb=%.1f exit=%d\n", wall, cpu, (double)ru.ru_maxrss / 1024.0,
         WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  return 0;
}
