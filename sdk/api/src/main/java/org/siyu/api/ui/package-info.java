/**
 * How a bundle shows up in the admin shell.
 *
 * <p>A bundle registers OSGi services for these interfaces (usually Declarative Services
 * {@code @Component}s); the shell tracks them and adds or removes the UI live in every open session:
 * <ul>
 *   <li>{@link org.siyu.api.ui.ViewContribution} — a node in the navigator tree that opens a view as a tab;</li>
 *   <li>{@link org.siyu.api.ui.EditorContribution} — opens a record of a type as a closeable editor tab;</li>
 *   <li>{@link org.siyu.api.ui.InspectorSection} — a section of the inspector for the selected record;</li>
 *   <li>{@link org.siyu.api.ui.CommandContribution} — a command in the command palette (Ctrl+K) and the console.</li>
 * </ul>
 *
 * <p>The shell's front-end bundle is compiled when Siyu is built: a contribution may use every standard
 * Vaadin component but no JavaScript of its own (no {@code @JsModule}, {@code @NpmPackage} or add-on).
 */
@Export
@Version("1.0.0")
package org.siyu.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
