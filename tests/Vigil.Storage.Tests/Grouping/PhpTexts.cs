namespace Vigil.Storage.Tests.Grouping;

/// <summary>
/// One PHP failure as the texts that reach <c>exception.stacktrace</c>: {0} is the throw site's line, {1} the
/// callers' lines, {2} the deploy root. A Laravel controller charges an order; the payment client throws.
/// </summary>
internal static class PhpTexts
{
    public const string Type = @"App\Exceptions\ChargeFailed";

    /// <summary><c>$e-&gt;getTraceAsString()</c>: each line's file is where its function was called from.</summary>
    public const string TraceAsString = """
        #0 {2}/app/Services/OrderCharger.php({0}): App\Clients\PaymentClient->post('/charges', Array)
        #1 [internal function]: App\Services\OrderCharger->App\Services\{closure}(Object(App\Models\Line))
        #2 {2}/app/Services/OrderCharger.php({1}): array_map(Object(Closure), Array)
        #3 {2}/vendor/laravel/framework/src/Illuminate/Database/Concerns/ManagesTransactions.php(35): App\Services\OrderCharger->charge(Object(App\Models\Order))
        #4 {2}/app/Http/Controllers/OrderController.php({1}): Illuminate\Database\DatabaseManager->transaction(Object(Closure))
        #5 {2}/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\Http\Controllers\OrderController->store(Object(Illuminate\Http\Request))
        #6 {2}/vendor/laravel/framework/src/Illuminate/Routing/ControllerDispatcher.php(43): Illuminate\Routing\Controller->callAction('store', Array)
        #7 {2}/public/index.php(51): Illuminate\Foundation\Http\Kernel->handle(Object(Illuminate\Http\Request))
        #8 {main}
        """;

    /// <summary>The same failure in opentelemetry-php's Java-like text (<c>StackTraceFormatter</c>): file names only.</summary>
    public const string JavaStyle = """
        App.Exceptions.ChargeFailed: payment for order 42 failed
        	at App.Clients.PaymentClient.post(PaymentClient.php:{0})
        	at App.Services.OrderCharger.App.Services.{closure}(OrderCharger.php:{0})
        	at array_map(Unknown Source)
        	at App.Services.OrderCharger.charge(OrderCharger.php:{1})
        	at Illuminate.Database.DatabaseManager.transaction(ManagesTransactions.php:35)
        	at App.Http.Controllers.OrderController.store(OrderController.php:{1})
        	at Illuminate.Routing.Controller.callAction(Controller.php:54)
        	at Illuminate.Routing.ControllerDispatcher.dispatch(ControllerDispatcher.php:43)
        	at Illuminate.Foundation.Http.Kernel.handle(Kernel.php:201)
        	at {main}(index.php:51)
        """;

    /// <summary><c>(string) $e</c>: the previous (inner) exception first, each wrapping one after <c>Next</c>.</summary>
    public const string ToStringWithNext = """
        RuntimeException: Connection refused in {2}/app/Clients/PaymentClient.php:{0}
        Stack trace:
        #0 {2}/app/Services/OrderCharger.php({0}): App\Clients\PaymentClient->post('/charges', Array)
        #1 {2}/app/Http/Controllers/OrderController.php({1}): App\Services\OrderCharger->charge(Object(App\Models\Order))
        #2 {2}/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\Http\Controllers\OrderController->store(Object(Illuminate\Http\Request))
        #3 {2}/public/index.php(51): Illuminate\Routing\Controller->callAction('store', Array)
        #4 {main}

        Next App\Exceptions\ChargeFailed: payment for order 42 failed in {2}/app/Services/OrderCharger.php:{1}
        Stack trace:
        #0 {2}/app/Http/Controllers/OrderController.php({1}): App\Services\OrderCharger->charge(Object(App\Models\Order))
        #1 {2}/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\Http\Controllers\OrderController->store(Object(Illuminate\Http\Request))
        #2 {2}/public/index.php(51): Illuminate\Routing\Controller->callAction('store', Array)
        #3 {main}
        """;
}
