"""`make bench`: the speed and size figures the issues name, in one table and results.json."""
