package org.siyu.shell.internal.palette;

/**
 * One line of the command palette.
 *
 * @param kind  whether it opens a view or runs a command
 * @param id    the view's or command's id
 * @param label what the palette shows, e.g. "Open: Notes"
 */
public record PaletteEntry(Kind kind, String id, String label) {

    public enum Kind { VIEW, COMMAND }
}
