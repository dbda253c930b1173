/** An AP's history: heartbeat figures raw for two days, then 5-minute and hourly averages, and its changes of state. */
package io.steppe.controller.history;
