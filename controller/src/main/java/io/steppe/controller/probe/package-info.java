/** Active checks: a TCP connect to an AP's management port tells an AP whose agent died from one that is off. */
package io.steppe.controller.probe;
