/**
 * Texts that the admin shows in Chinese (zh-CN) and English.
 */
@Export
@Version("1.0.0")
package org.siyu.api.i18n;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
