/** Files that hold personal or operational data (exports, reports, maps), created readable by their owner only. */
package io.steppe.db.file;
