using Backoffice.Core.Messages.Common;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Messages;

[TestFixture]
public sealed class EquatableArrayTests
{
    [Test]
    public void Arrays_with_the_same_items_are_equal_and_hash_alike()
    {
        EquatableArray<string> left = ["0200", "9350"];
        var right = new[] { "0200", "9350" }.ToEquatableArray();

        Assert.That(left, Is.EqualTo(right));
        Assert.That(left == right, Is.True);
        Assert.That(left.GetHashCode(), Is.EqualTo(right.GetHashCode()));
    }

    [Test]
    public void Order_matters()
    {
        EquatableArray<string> left = ["0200", "9350"];
        EquatableArray<string> right = ["9350", "0200"];

        Assert.That(left, Is.Not.EqualTo(right));
    }

    [Test]
    public void Default_is_an_empty_list()
    {
        EquatableArray<int> unset = default;

        Assert.That(unset.IsEmpty, Is.True);
        Assert.That(unset, Is.EqualTo((EquatableArray<int>)[]));
        Assert.That(unset.ToString(), Is.EqualTo("[]"));
        Assert.That(unset.ToList(), Is.Empty);
    }

    [Test]
    public void Records_holding_arrays_compare_by_content_and_print_their_items()
    {
        var left = new Holder([new Product("01", "01A01"), new Product("02")]);
        var right = new Holder([new Product("01", "01A01"), new Product("02")]);

        Assert.That(left, Is.EqualTo(right));
        Assert.That(left.ToString(), Does.Contain("[Product { Categorie = 01, Code = 01A01 }, Product { Categorie = 02, Code =  }]"));
    }

    private sealed record Holder(EquatableArray<Product> Items);
}
