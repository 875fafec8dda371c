package dev.plumbline.dashboards;

import com.vaadin.flow.component.html.Div;

/**
 * A page's one line of news above its figures: an error (role alert, styled as one) or a plain status, such as
 * "nothing in this period". Hidden until shown.
 */
public final class ViewMessage extends Div {

    public ViewMessage() {
        addClassName("view-message");
        setVisible(false);
    }

    /** Shows {@code text} as an error ({@code error}) or a status. */
    public void show(String text, boolean error) {
        setText(text);
        getElement().setAttribute("role", error ? "alert" : "status");
        removeClassNames("error", "empty");
        addClassName(error ? "error" : "empty");
        setVisible(true);
    }
}
