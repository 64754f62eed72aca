document.getElementById("root").textContent = "app";
