/**
 * The launcher: the {@code steppe} command, Steppe's configuration, and the one place where the modules
 * are wired into a running application. Nothing depends on this module.
 */
package io.steppe.ops;
