using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Vigil.Storage.Configuration;

namespace Vigil.Storage.Tests.Configuration;

public sealed class ConfigurationShapeTests
{
    private static readonly ConfigurationShapeOptions s_options = new()
    {
        Scalars = new Dictionary<Type, ConfigurationScalar>
        {
            // A grammar the binder does not know: "twice" is read as 2.
            [typeof(TimeSpan)] = new("a span: once or twice", text => text.Trim() switch { "once" => "00:00:01", "twice" => "00:00:02", _ => null }),
        },
    };

    private static IConfigurationRoot Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void Check_EveryKindOfProblem_ReportsEachWithItsPath()
    {
        // Arrange
        var configuration = Configuration(
            ("Colour", "red"),
            ("Count", "many"),
            ("Span", "thrice"),
            ("Names", "one"),
            ("Items:0", "42"),
            ("Items:x:Name", "a"),
            ("Count:Nested", "1"));

        // Act
        var problems = ConfigurationShape.Check(configuration, typeof(Root), s_options).Problems;

        // Assert
        Assert.Equal(
            [
                "Colour: is not a key of the root (allowed: Count, Span, Names, Items, Codes)",
                "Count: is a section, not a whole number",
                "Items:0: '42' is not an item: give its keys (Name)",
                "Items:x: is not a list index: Items is a list",
                "Names: 'one' is not a list (text each), e.g. \"Names\": [ ... ]",
                "Span: 'thrice' is not a span: once or twice",
            ],
            problems.Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bind_GrammarValuesAndOneValueLists_AreReadAsChecked()
    {
        // Arrange
        var configuration = Configuration(("Span", "twice"), ("Codes", "200"), ("Count", "3"));
        var shape = ConfigurationShape.Check(configuration, typeof(Root), s_options);

        // Act
        var root = shape.Bind(configuration, new Root());

        // Assert
        Assert.Empty(shape.Problems);
        Assert.Equal(TimeSpan.FromSeconds(2), root.Span);
        Assert.Equal([200], root.Codes);
        Assert.Equal(3, root.Count);
    }

    [Fact]
    public void Bind_BadValues_AreLeftOutAndTheRestBoundAtTheirIndexes()
    {
        // Arrange
        var configuration = Configuration(("Count", "many"), ("Items:0", "42"), ("Items:1:Name", "b"), ("Names:0", ""));
        var shape = ConfigurationShape.Check(configuration, typeof(Root), s_options);

        // Act
        var root = shape.Bind(configuration, new Root());

        // Assert: binding did not throw at "many", item 1 is still item 1, and "" stayed "".
        Assert.Equal(0, root.Count);
        Assert.Equal("b", root.Items[1]?.Name);
        Assert.Equal([string.Empty], root.Names);
        Assert.True(shape.WasLeftOut("Items:0"));
        Assert.True(shape.IsBad("Items"));
        Assert.False(shape.IsBad("Items:1:Name"));
    }

    [Fact]
    public void With_ValidatorProblemsAboutBadValues_AreNotRepeated()
    {
        // Arrange
        var configuration = Configuration(("Count", "many"));
        var shape = ConfigurationShape.Check(configuration, typeof(Root), s_options);

        // Act
        var problems = shape.With([new ConfigurationProblem("Count", "is required"), new ConfigurationProblem("Span", "is required")]);

        // Assert
        Assert.Equal(["Count: 'many' is not a whole number", "Span: is required"], problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("a\u001b[31m\nb", "'a\\u001B[31m\\nb'")]
    [InlineData("", "''")]
    public void Show_ControlCharacters_AreEscaped(string text, string shown)
    {
        Assert.Equal(shown, ConfigurationText.Show(text), ignoreCase: true);
    }

    [Description("the root")]
    private sealed class Root
    {
        public int Count { get; set; }

        public TimeSpan? Span { get; set; }

        public List<string> Names { get; } = [];

        public List<Item?> Items { get; } = [];

        [SingleValueList]
        public List<int> Codes { get; } = [];
    }

    [Description("an item")]
    private sealed class Item
    {
        public string? Name { get; set; }
    }
}
