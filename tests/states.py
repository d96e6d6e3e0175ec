"""What a record's named state predicates say, for the tables of tests/*/test_states.py."""


def holds(record, predicates):
    """The names among ``predicates`` that are true of ``record``, in the given order."""
    return [name for name in predicates if getattr(record, name)]
