namespace Vigil.Storage.Tests.Grouping;

/// <summary>
/// One Ruby failure as the texts that reach <c>exception.stacktrace</c>: {0} is the throw site's line, {1} the
/// callers' lines, {2} the deploy root. A charge fails because the payment client could not connect (the cause).
/// </summary>
internal static class RubyTexts
{
    /// <summary>opentelemetry-ruby's <c>record_exception</c>: <c>full_message(highlight: false, order: :top)</c>, Ruby 3.4 labels.</summary>
    public const string FullMessage = """
        {2}/app/services/order_charger.rb:{0}:in 'rescue in Shop::OrderCharger#charge': payment for order 42 failed (Shop::ChargeError)
        	from {2}/app/services/order_charger.rb:{0}:in 'Shop::OrderCharger#charge'
        	from {2}/app/services/order_charger.rb:{1}:in 'block in Shop::OrderCharger#call'
        	from /usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/abstract/transaction.rb:535:in 'ActiveRecord::ConnectionAdapters::TransactionManager#within_new_transaction'
        	from <internal:kernel>:91:in 'Kernel#tap'
        	from {2}/app/services/order_charger.rb:{1}:in 'Shop::OrderCharger#call'
        	from {2}/app/controllers/orders_controller.rb:{1}:in 'OrdersController#create'
        	from /usr/local/bundle/gems/actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb:6:in 'ActionController::BasicImplicitRender#send_action'
        	from /usr/local/lib/ruby/3.4.0/monitor.rb:201:in 'Monitor#synchronize'
        {2}/app/clients/payment_client.rb:{0}:in 'PaymentClient#post': Connection refused - connect(2) for "pay.example" port 443 (Errno::ECONNREFUSED)
        	from {2}/app/services/order_charger.rb:{0}:in 'Shop::OrderCharger#charge'
        	from {2}/app/services/order_charger.rb:{1}:in 'block in Shop::OrderCharger#call'
        """;

    /// <summary>The same on Ruby 3.3: backquoted labels without their class.</summary>
    public const string FullMessageBeforeRuby34 = """
        {2}/app/services/order_charger.rb:{0}:in `rescue in charge': payment for order 42 failed (Shop::ChargeError)
        	from {2}/app/services/order_charger.rb:{0}:in `charge'
        	from {2}/app/services/order_charger.rb:{1}:in `block in call'
        	from /usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/abstract/transaction.rb:535:in `within_new_transaction'
        	from <internal:kernel>:90:in `tap'
        	from {2}/app/services/order_charger.rb:{1}:in `call'
        	from {2}/app/controllers/orders_controller.rb:{1}:in `create'
        	from /usr/local/bundle/gems/actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb:6:in `send_action'
        	from /usr/local/lib/ruby/3.3.0/monitor.rb:201:in `synchronize'
        {2}/app/clients/payment_client.rb:{0}:in `post': Connection refused - connect(2) for "pay.example" port 443 (Errno::ECONNREFUSED)
        	from {2}/app/services/order_charger.rb:{0}:in `charge'
        	from {2}/app/services/order_charger.rb:{1}:in `block in call'
        """;

    /// <summary>Hand-written instrumentation's <c>exception.backtrace.join("\n")</c>: frames only, no header, no cause.</summary>
    public const string Backtrace = """
        {2}/app/services/order_charger.rb:{0}:in 'Shop::OrderCharger#charge'
        {2}/app/services/order_charger.rb:{1}:in 'block (2 levels) in Shop::OrderCharger#call'
        /usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/abstract/transaction.rb:535:in 'ActiveRecord::ConnectionAdapters::TransactionManager#within_new_transaction'
        {2}/app/services/order_charger.rb:{1}:in 'Shop::OrderCharger#call'
        {2}/app/controllers/orders_controller.rb:{1}:in 'OrdersController#create'
        /usr/local/bundle/gems/actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb:6:in 'ActionController::BasicImplicitRender#send_action'
        """;
}
