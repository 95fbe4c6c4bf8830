package org.commonsimpact.api;

/**
 * One path parameter of an endpoint: its name in the URL template ({@code category-scope}), the
 * Cassandra column it is compared with ({@code category_scope}; {@code dt} for {@code start} and
 * {@code end}) and its kind.
 *
 * @param name the name in the URL template, kebab-case
 * @param column the column of the serving table it selects on
 * @param kind how the value is validated and converted
 */
public record PathParameter(String name, String column, ParameterKind kind) {

  /** The parameter selecting on key column {@code column} of a serving table. */
  static PathParameter forColumn(String column) {
    return new PathParameter(Names.kebab(column), column, kindOf(column));
  }

  private static ParameterKind kindOf(String column) {
    switch (column) {
      case "category_scope":
        return ParameterKind.CATEGORY_SCOPE;
      case "wiki":
        return ParameterKind.WIKI;
      case "edit_type":
        return ParameterKind.EDIT_TYPE;
      case "year":
        return ParameterKind.YEAR;
      case "month":
        return ParameterKind.MONTH;
      case "category":
      case "media_file":
        return ParameterKind.TITLE;
      case "user_name":
        return ParameterKind.USER_NAME;
      default:
        throw new IllegalArgumentException("no path parameter for column " + column);
    }
  }
}
