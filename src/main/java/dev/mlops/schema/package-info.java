/**
 * The JSON documents mlops writes and reads back: one record per document, whose components are its keys
 * (snake_case) and whose descriptions are its documentation. Renderers build them from reports, release
 * gates read evidence back into them, and the man pages' key lists are generated from them
 * ({@link dev.mlops.schema.Keys}). Depends on no other mlops package.
 */
package dev.mlops.schema;
