/** Network values every module meets: MAC addresses in the many forms equipment writes them. */
package io.steppe.db.net;
