/**
 * Long-running work (imports, exports, index rebuilds, bulk issues) that shows its progress in the shell, can be left
 * running and survives the browser going away. The host runs jobs on its own threads and keeps their record: a job
 * that was running when the node stopped is marked {@link org.siyu.api.jobs.JobInfo.State#INTERRUPTED} at the next
 * start, never silently lost.
 */
@Export
@Version("1.0.0")
package org.siyu.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
