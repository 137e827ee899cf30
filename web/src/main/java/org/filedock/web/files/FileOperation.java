package org.filedock.web.files;

/**
 * The body of {@code POST /api/files/{path}}: {@code {"op":"mkdir"}} or
 * {@code {"op":"move","to":"/dir"}} (contract §14).
 */
public class FileOperation {

    public String op;
    public String to;
}
