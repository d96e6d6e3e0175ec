"""The start of a cluster's year: leadership and rotation, the pledge, year rollover."""
