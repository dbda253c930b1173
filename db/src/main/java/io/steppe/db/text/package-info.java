/** Text helpers shared by the modules that write pages. */
package io.steppe.db.text;
