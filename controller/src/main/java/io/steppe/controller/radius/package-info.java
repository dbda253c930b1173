/** The controller's RADIUS view: who is online through each AP and gateway, and gateway reboots, from accounting. */
package io.steppe.controller.radius;
