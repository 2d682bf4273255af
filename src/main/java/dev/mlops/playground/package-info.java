/**
 * The playground: a conversation with a staged version on any OpenAI-compatible server, where
 * every turn is written as a log record. {@link ChatClient} speaks the chat completions API
 * (server-sent events or plain JSON, retries, timeouts, the server's own error message),
 * {@link Conversation} holds the messages and settings, {@link Transcript} appends one record per
 * turn, and {@link Repl} reads the tester's lines and commands. May depend on registry, selection
 * (redaction), preference (the vote log), io and text; never on the command line.
 */
package dev.mlops.playground;
