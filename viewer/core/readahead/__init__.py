"""Read-ahead: the decoded images' store, which to have ready, the user's place and pace."""
