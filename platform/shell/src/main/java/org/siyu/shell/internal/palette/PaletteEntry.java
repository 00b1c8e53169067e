package org.siyu.shell.internal.palette;

/**
 * One line of the command palette.
 *
 * @param kind  whether it opens a view, runs a command or opens a record's editor
 * @param id    the view's or command's id, or {@code type:id} of a record
 * @param label what the palette shows, e.g. "Open: Notes"
 */
public record PaletteEntry(Kind kind, String id, String label) {

    public enum Kind { VIEW, COMMAND, RECORD }
}
