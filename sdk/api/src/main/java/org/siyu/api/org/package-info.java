/**
 * Organisation: org units (HQ → region → store), staff (guides) in them, and data scopes. An admin account linked to
 * an org unit sees only the customers owned by staff of that unit and the units below it, in the shell and the API;
 * an account linked to no unit (or to the root) sees everything its role allows.
 */
@Export
@Version("1.0.0")
package org.siyu.api.org;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
