/** The controller's JSON API on the API listener: the AP inventory and each AP's state. */
package io.steppe.controller.web;
