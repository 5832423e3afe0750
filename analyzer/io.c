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

int io_read_file(struct buf *out, const char *path, size_t cap, struct diag *d)
{
	int fd, is_stdin = strcmp(path, "-") == 0;
	size_t start = out->len;
	struct stat st;
	int ret = 0;

	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return diag_set(d, SG_EIO, "cannot open '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			ret = diag_set(d, SG_EIO, "cannot read '%s': Is a directory", path);
			goto done;
		}
		if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > cap) {
			ret = diag_set(d, SG_ETOOBIG, "'%s' is too big: %lld bytes, the limit is %zu (see --max-size)",
				       path, (long long)st.st_size, cap);
			goto done;
		}
		if (S_ISREG(st.st_mode))
			buf_grow(out, (size_t)st.st_size);
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
	}
done:
	if (!is_stdin)
		close(fd);
	if (ret)
		buf_truncate(out, start);
	return ret;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int io_write_atomic(const char *path, const char *data, size_t len, struct diag *d)
{
	struct buf tmp = BUF_INIT;
	int fd, ret = 0;

	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) < 0)
			return diag_set(d, SG_EIO, "cannot write to standard output: %s", strerror(errno));
		return 0;
	}
	buf_printf(&tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		ret = diag_set(d, SG_EIO, "cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		ret = diag_set(d, SG_EIO, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(tmp.ptr);
		goto done;
	}
	{
		mode_t mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	if (close(fd) < 0 || rename(tmp.ptr, path) < 0) {
		ret = diag_set(d, SG_EIO, "cannot write '%s': %s", path, strerror(errno));
		unlink(tmp.ptr);
	}
done:
	buf_release(&tmp);
	return ret;
}
