/* io.c - file and stdin input with caps, atomic output; see io.h. */
#define _POSIX_C_SOURCE 200809L
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int io_is_dir(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return -1;
	return S_ISDIR(st.st_mode) ? 1 : 0;
}

/* A path open() refused: is it a directory all the same (say, one without read permission)? */
static int open_failed(const char *path, int input, struct diag *d)
{
	int err = errno;
	struct stat st;
	if (input && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return IO_DIR;
	return diag_set(d, SG_EIO, "cannot open '%s': %s", path, strerror(err));
}

/* io_read_file(), or with `input` io_read_input() */
static int read_path(struct buf *out, const char *path, size_t cap, int input, struct diag *d)
{
	int fd, is_stdin = !input && strcmp(path, "-") == 0;
	size_t start = out->len;
	struct stat st;
	int ret = 0, regular = 0;

	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return open_failed(path, input, d);
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			ret = input ? IO_DIR : diag_set(d, SG_EIO, "cannot read '%s': Is a directory", path);
			goto done;
		}
		if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > cap) {
			ret = diag_set(d, SG_ETOOBIG, "'%s' is too big: %lld bytes, the limit is %zu (see --max-size)",
				       path, (long long)st.st_size, cap);
			goto done;
		}
		if (S_ISREG(st.st_mode)) {
			buf_grow(out, (size_t)st.st_size);
			regular = st.st_size > 0; /* 0: maybe a /proc file, which says 0 and has more */
		}
	}
	for (;;) {
		ssize_t n;
		buf_grow(out, 65536);
		n = read(fd, out->ptr + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ret = diag_set(d, SG_EIO, "cannot read '%s': %s", path, strerror(errno));
			goto done;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->ptr[out->len] = '\0';
		if (out->len - start > cap) {
			ret = diag_set(d, SG_ETOOBIG, "'%s' is too big: over %zu bytes (see --max-size)", path, cap);
			goto done;
		}
		/* a regular file: the size fstat() gave is what is read; no read() just to see EOF */
		if (regular && out->len - start == (size_t)st.st_size)
			break;
	}
done:
	if (!is_stdin)
		close(fd);
	if (ret)
		buf_truncate(out, start);
	return ret;
}

int io_read_file(struct buf *out, const char *path, size_t cap, struct diag *d)
{
	return read_path(out, path, cap, 0, d);
}

int io_read_input(struct buf *out, const char *path, size_t cap, struct diag *d)
{
	return read_path(out, path, cap, 1, d);
}

static int is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

static int sink_fail(const struct io_sink *s, int err, struct diag *d)
{
	if (is_stdout(s->path))
		return diag_set(d, SG_EIO, "cannot write to standard output: %s", strerror(err));
	return diag_set(d, SG_EIO, "cannot write '%s': %s", s->path, strerror(err));
}

int io_sink_open(struct io_sink *s, const char *path, struct diag *d)
{
	struct stat st;

	memset(s, 0, sizeof(*s));
	buf_init(&s->tmp);
	s->path = path;
	if (is_stdout(path)) {
		s->fd = STDOUT_FILENO;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* /dev/null, a pipe, a terminal: nothing to replace atomically */
		s->fd = open(path, O_WRONLY | O_CLOEXEC);
	} else {
		s->atomic = 1;
		buf_printf(&s->tmp, "%s.tmpXXXXXX", path);
		s->fd = mkstemp(s->tmp.ptr);
	}
	if (s->fd < 0) {
		int err = errno;
		buf_release(&s->tmp);
		return sink_fail(s, err, d);
	}
	return 0;
}

void io_sink_write(struct io_sink *s, const char *data, size_t len)
{
	while (len && !s->err) {
		ssize_t n = write(s->fd, data, len);
		if (n < 0) {
			if (errno != EINTR)
				s->err = errno;
			continue;
		}
		data += n;
		len -= (size_t)n;
	}
}

int io_sink_close(struct io_sink *s, struct diag *d)
{
	int ret = 0;

	if (s->atomic) {
		mode_t mask = umask(0);
		umask(mask);
		if (!s->err && fsync(s->fd) < 0)
			s->err = errno;
		(void)fchmod(s->fd, 0666 & ~mask);
	}
	if (s->fd != STDOUT_FILENO && close(s->fd) < 0 && !s->err)
		s->err = errno;
	if (!s->err && s->atomic && rename(s->tmp.ptr, s->path) < 0)
		s->err = errno;
	if (s->err) {
		if (s->atomic)
			unlink(s->tmp.ptr);
		ret = sink_fail(s, s->err, d);
	}
	buf_release(&s->tmp);
	return ret;
}

int io_write_atomic(const char *path, const char *data, size_t len, struct diag *d)
{
	struct io_sink s;
	int rc = io_sink_open(&s, path, d);
	if (rc < 0)
		return rc;
	io_sink_write(&s, data, len);
	return io_sink_close(&s, d);
}
