/*
 * graph.c - depth-first postorder with cycle detection (see graph.h).
 * Iterative, with an explicit stack: rule files decide the depth.
 */
#include "graph.h"

#include <stdlib.h>

#include "buf.h"

int graph_postorder(size_t n, graph_edges_fn edges, const void *ctx, size_t *post, size_t *cycle,
		    size_t *ncycle)
{
	unsigned char *color = xcalloc(n + 1, 1); /* 0 unseen, 1 on the stack, 2 done */
	size_t *stack = xmalloc((n + 1) * sizeof(size_t));
	size_t *iter = xcalloc(n + 1, sizeof(size_t));
	size_t s0, npost = 0;
	int ret = 0;

	for (s0 = 0; s0 < n && !ret; s0++) {
		size_t sp = 0;
		if (color[s0])
			continue;
		stack[sp] = s0;
		iter[sp++] = 0;
		color[s0] = 1;
		while (sp && !ret) {
			size_t v = stack[sp - 1], nv;
			const size_t *out = edges(ctx, v, &nv);
			if (iter[sp - 1] < nv) {
				size_t w = out[iter[sp - 1]++], k = 0;
				if (color[w] == 1) {
					/* w is on the stack: the cycle runs from it to v */
					while (stack[k] != w)
						k++;
					for (*ncycle = 0; k < sp; k++)
						cycle[(*ncycle)++] = stack[k];
					ret = 1;
				} else if (!color[w]) {
					color[w] = 1;
					stack[sp] = w;
					iter[sp++] = 0;
				}
			} else {
				color[v] = 2;
				if (post)
					post[npost++] = v;
				sp--;
			}
		}
	}
	free(color);
	free(stack);
	free(iter);
	return ret;
}
