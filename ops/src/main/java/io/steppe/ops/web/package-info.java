/**
 * Steppe's HTTP perimeter and the endpoints every service shares: which listener serves what, console
 * login, health and metrics. Module controllers live in their modules; this package decides who may reach them.
 */
package io.steppe.ops.web;
