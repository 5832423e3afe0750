/* batch.c - the batch stage (being written) */
