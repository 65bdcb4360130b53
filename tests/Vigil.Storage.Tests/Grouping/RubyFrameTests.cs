using Vigil.Grouping;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>One Ruby backtrace location reduced to <c>file.method</c>, and whether it is application code.</summary>
public sealed class RubyFrameTests
{
    [Theory]
    [InlineData("/app/models/order.rb:42:in 'Order#charge'", "order.charge", true)]
    [InlineData("/app/models/order.rb:42:in `charge'", "order.charge", true)]
    [InlineData("/app/models/order.rb:42:in 'Shop::Order.create'", "order.create", true)]
    [InlineData("/app/models/order.rb:42:in 'block in Order#charge'", "order.charge", true)]
    [InlineData("/app/models/order.rb:42:in `block (2 levels) in charge'", "order.charge", true)]
    [InlineData("/app/models/order.rb:42:in `rescue in block in charge'", "order.charge", true)]
    [InlineData("/app/models/order.rb:42:in 'ensure in Order#charge'", "order.charge", true)]
    [InlineData("/app/models/order.rb:42:in 'Integer#/'", "order./", true)]
    [InlineData("/app/models/order.rb:42:in 'Order#paid?'", "order.paid?", true)]
    [InlineData("/app/models/order.rb:42:in '#<Class:0x00007f9b2c8a1e28>#call'", "order.call", true)]
    [InlineData("/app/models/order.rb:3:in '<class:Order>'", "order.<class:Order>", true)]
    [InlineData("/app/script.rb:1:in '<main>'", "script.<main>", true)]
    [InlineData("/app/config/boot.rb:4:in `<top (required)>'", "boot.<top (required)>", true)]
    [InlineData(@"C:\apps\shop\app\models\order.rb:42:in 'Order#charge'", "order.charge", true)]
    [InlineData("(eval at /app/models/order.rb:12):1:in 'Order#dynamic'", "(eval).dynamic", true)]
    [InlineData("<internal:kernel>:187:in 'Kernel#loop'", "<internal:kernel>.loop", false)]
    [InlineData("/usr/local/bundle/gems/rack-3.1.8/lib/rack/runtime.rb:24:in 'Rack::Runtime#call'", "rack/rack/runtime.call", false)]
    [InlineData("/app/vendor/bundle/ruby/3.3.0/gems/nokogiri-1.16.0-x86_64-linux/lib/nokogiri/xml.rb:9:in `parse'", "nokogiri/nokogiri/xml.parse", false)]
    [InlineData("/app/vendor/bundle/ruby/3.3.0/bundler/gems/rails-1a2b3c4d5e6f/activesupport/lib/active_support.rb:9:in `x'", "rails/activesupport/lib/active_support.x", false)]
    [InlineData("/usr/local/lib/ruby/3.4.0/net/http.rb:1603:in 'Net::HTTP#connect'", "net/http.connect", false)]
    public void TryRead_Location_FileAndMethod(string line, string name, bool inApp)
    {
        // Act
        var read = RubyFrame.TryRead(line, out var frame, out var rest);

        // Assert
        Assert.True(read);
        Assert.Equal(name, frame.Name);
        Assert.Equal(inApp, frame.InAppHint);
        Assert.Equal("", rest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("undefined method 'amount' for nil")]
    [InlineData("/app/models/order.rb:42")]
    [InlineData("/app/models/order.rb:in 'charge'")]
    [InlineData(":42:in 'charge'")]
    [InlineData("/app/models/order.rb:42:in charge")]
    [InlineData("/app/models/order.rb:42:in 'charge")]
    [InlineData("/app/models/order.rb:x:in 'charge'")]
    public void TryRead_NotALocation_False(string line)
    {
        // Act & Assert
        Assert.False(RubyFrame.TryRead(line, out _, out _));
    }

    [Fact]
    public void TryRead_Header_RestIsMessageAndType()
    {
        // Act
        var read = RubyFrame.TryRead("/app/models/order.rb:42:in 'Order#charge': undefined method 'amount' for nil (NoMethodError)", out var frame, out var rest);

        // Assert
        Assert.True(read);
        Assert.Equal("order.charge", frame.Name);
        Assert.Equal(": undefined method 'amount' for nil (NoMethodError)", rest);
    }
}
