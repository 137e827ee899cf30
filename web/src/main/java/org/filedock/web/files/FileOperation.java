package org.filedock.web.files;

/**
 * The body of {@code POST /api/files/{path}}: {@code {"op":"mkdir"}} or
 * {@code {"op":"move","to":"/dir"}} (contract §14), or {@code {"op":"move","to":"/dir","name":"new"}}
 * (a FileDock extension: move under a new name, or rename in place).
 */
public class FileOperation {

    public String op;
    public String to;
    /** With "move": the new name (a rename when "to" is the same directory); absent: the name stays. */
    public String name;
}
